/** MH-MoE in the checkpoint format: the config.json block, the tensor names and shapes, and seeded initialisation. */
package dev.polis.mhmoe.checkpoint;
