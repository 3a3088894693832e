import { useCallback, useState } from 'react';

/**
 * Local state that starts from a panel option and follows it when the option changes in the
 * editor, while toolbar edits stay local to the view.
 */
export function useOptionState<T>(option: T): [T, (v: T) => void] {
  const [s, setS] = useState({ from: option, value: option });
  const value = Object.is(s.from, option) ? s.value : option;
  const set = useCallback((v: T) => setS({ from: option, value: v }), [option]);
  return [value, set];
}
