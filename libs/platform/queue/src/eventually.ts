/** Polls until `probe` returns a non-null value (for effects of background workers in tests); fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | null>, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
