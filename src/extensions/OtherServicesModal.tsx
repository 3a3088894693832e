import React from 'react';
import { Button, Stack, TextLink } from '@grafana/ui';
import { servicePath } from './paths';

/** Every service a panel names, each linking to its service page. */
export function OtherServicesModal({ services, onDismiss }: { services: string[]; onDismiss?: () => void }) {
  return (
    <Stack direction="column" gap={1}>
      <ul data-testid="faultline-other-services">
        {services.map((s) => (
          <li key={s}>
            {/* React escapes the name; encodeSegment in the path keeps "/" and markup inside one segment. */}
            <TextLink href={servicePath(s)} inline={false}>
              {`Who owns ${s}?`}
            </TextLink>
          </li>
        ))}
      </ul>
      <Button variant="secondary" onClick={onDismiss}>
        Close
      </Button>
    </Stack>
  );
}
