package dev.polis.runtime.checkpoint;

/**
 * How rotary position frequencies are rescaled for long contexts ({@code rope_scaling} in config.json).
 *
 * @param type                          {@code llama3} or {@code linear}
 * @param factor                        the context extension factor
 * @param lowFreqFactor                 Llama 3: wavelengths above {@code original / lowFreqFactor} are fully scaled
 * @param highFreqFactor                Llama 3: wavelengths below {@code original / highFreqFactor} are kept
 * @param originalMaxPositionEmbeddings Llama 3: the context length the model was pre-trained with
 */
public record RopeScaling(String type, double factor, double lowFreqFactor, double highFreqFactor,
                          int originalMaxPositionEmbeddings) {

    /** Returns scaled inverse frequencies for {@code invFreq}, which holds {@code theta^(-2i/d)}. */
    public double[] apply(double[] invFreq) {
        double[] out = invFreq.clone();
        if (type.equals("linear")) {
            for (int i = 0; i < out.length; i++) {
                out[i] = invFreq[i] / factor;
            }
            return out;
        }
        double lowFreqWavelen = originalMaxPositionEmbeddings / lowFreqFactor;
        double highFreqWavelen = originalMaxPositionEmbeddings / highFreqFactor;
        for (int i = 0; i < out.length; i++) {
            double wavelen = 2 * Math.PI / invFreq[i];
            if (wavelen < highFreqWavelen) {
                out[i] = invFreq[i];
            } else if (wavelen > lowFreqWavelen) {
                out[i] = invFreq[i] / factor;
            } else {
                double smooth = (originalMaxPositionEmbeddings / wavelen - lowFreqFactor)
                        / (highFreqFactor - lowFreqFactor);
                out[i] = (1 - smooth) * invFreq[i] / factor + smooth * invFreq[i];
            }
        }
        return out;
    }
}
