import { useEffect, useState } from 'react';

/** The value, once it has stopped changing for `ms` (typing in a search box). */
export function useDebounced<T>(value: T, ms: number): [T, (now: T) => void] {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  // The setter skips the wait, for values set on purpose (applying a saved view).
  return [settled, setSettled];
}
