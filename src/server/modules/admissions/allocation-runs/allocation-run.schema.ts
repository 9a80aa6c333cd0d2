import { z } from 'zod';

const Uuid = z.uuid();
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const AllocationRoundParams = z.object({ roundId: Uuid });
export const AllocationRunParams = z.object({ roundId: Uuid, runId: Uuid });

/** POST runs: the kind and the inputs hash shown by GET …/allocation (409 resource.stale if it moved). */
export const AllocationRunCreate = z.object({
  kind: z.enum(['practice', 'final']),
  expectedInputsHash: Sha256,
});

export const AllocationDiffQuery = z.object({ a: Uuid, b: Uuid });
