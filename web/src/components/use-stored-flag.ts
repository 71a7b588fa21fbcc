/** A yes/no preference remembered in this browser (and still working when storage is blocked). */
import { useCallback, useState } from 'react';

export function useStoredFlag(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored === null ? fallback : stored === 'true';
    } catch {
      return fallback;
    }
  });
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        localStorage.setItem(key, String(next));
      } catch {
        // Storage blocked (private mode): the choice lasts for this page only.
      }
    },
    [key],
  );
  return [value, set];
}
