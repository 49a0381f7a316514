/** The GovSim game engine: resource dynamics, allocation, the monthly phases, and the state saved after each month. */
package dev.polis.govsim.game;
