/** Paragraphs detected per idle slice: about 1,200 words, a few milliseconds of detection. */
export const SLICE_PARAGRAPHS = 20;

/**
 * What to hand the detector next so that no single pass takes long. An edit of a few paragraphs
 * (typing, a short paste) is fed whole: `Detector.update` re-detects only those. A large change
 * (the first pass over an opened article, a long paste) is fed as a growing prefix, `slice`
 * paragraphs beyond what is already known each time; the detector reuses the known prefix, so
 * every slice costs about `slice` paragraphs. The last feed is always the whole text, so the
 * result equals a full detection of it. Returns the target itself when it is the last feed.
 */
export function nextFeed(
  fed: readonly string[],
  target: readonly string[],
  slice = SLICE_PARAGRAPHS,
): readonly string[] {
  let prefix = 0;
  while (prefix < fed.length && prefix < target.length && fed[prefix] === target[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < fed.length - prefix &&
    suffix < target.length - prefix &&
    fed[fed.length - 1 - suffix] === target[target.length - 1 - suffix]
  )
    suffix++;
  const changed = target.length - prefix - suffix;
  if (changed <= slice) return target;
  return target.slice(0, prefix + slice);
}
