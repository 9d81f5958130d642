export interface ColdStartResult {
  cold_start_ms: number;
}
export async function benchColdStart(_tickets: number): Promise<ColdStartResult> {
  return Promise.resolve({ cold_start_ms: 0 });
}
