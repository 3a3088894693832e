import React from 'react';

/** A hint such as "no on-call set — add `pagerduty.com/service-id`": backticked parts render as code, all as text. */
export function Hint({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? <code key={i}>{part}</code> : <React.Fragment key={i}>{part}</React.Fragment>
      )}
    </>
  );
}

export function MissingHints({ hints, className }: { hints: string[]; className?: string }) {
  if (hints.length === 0) {
    return null;
  }
  return (
    <ul className={className} aria-label="Missing in the catalog" data-testid="faultline-ownership-missing">
      {hints.map((h) => (
        <li key={h}>
          <Hint text={h} />
        </li>
      ))}
    </ul>
  );
}
