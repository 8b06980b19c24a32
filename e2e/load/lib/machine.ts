import { availableParallelism, cpus, totalmem } from 'node:os';

/** The machine a benchmark ran on, as every results file records it. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memTotalBytes: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memTotalBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}
