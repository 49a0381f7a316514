/** The MH-MoE block: configuration, routing with capacity, the vectorised layer, its naive form and its metrics. */
package dev.polis.mhmoe.layer;
