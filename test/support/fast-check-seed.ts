/**
 * Property tests explore new cases on every developer run; under CI they run
 * a fixed seed, so whether a submission lands never depends on chance.
 * FC_SEED=<n> replays a failing run (fast-check prints its seed).
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20_261_123 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
