/** Messages between scale-bench.ts and its devices process (scale/devices.ts). */
export type DevicesCommand = { kind: 'open'; url: string; tokens: string[] } | { kind: 'report' } | { kind: 'close' };

export type DevicesReport =
  | { kind: 'opened'; live: number }
  /** `signals[i]`: when device i received each RESYNC (epoch ms). */
  | { kind: 'report'; live: number; signals: number[][] };
