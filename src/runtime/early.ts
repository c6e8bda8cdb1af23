/**
 * Work started now and awaited later (a year's protection while the next year is read, a year's
 * rendering while the next is protected): its failure must not count as an unhandled rejection in
 * the meantime, and still surfaces, unchanged, where the promise is awaited.
 *
 * @example
 *   const rendering = startedEarly(render(publication, options));
 *   // … other work …
 *   const files = await rendering; // throws here if render failed
 */
export function startedEarly<T>(work: Promise<T>): Promise<T> {
  work.catch(() => {});
  return work;
}
