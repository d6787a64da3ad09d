/**
 * A value worked out once per build, and afresh on every call in `astro
 * dev`, where the collections change under a running server.
 */
export function oncePerBuild<T>(make: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | null = null;
  return () => {
    if (import.meta.env.DEV) return make();
    cached ??= make();
    return cached;
  };
}
