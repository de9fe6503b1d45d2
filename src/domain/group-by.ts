/** Groups a list by a key, keeping order within each group. (Map.groupBy arrived in Node 21; we run on 20.) */
export function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = map.get(k);
    if (bucket) bucket.push(item);
    else map.set(k, [item]);
  }
  return map;
}
