import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { CatalogQueryEditor } from './CatalogQueryEditor';
import { FaultlineQuery } from '../types';

type Props = React.ComponentProps<typeof CatalogQueryEditor>;
const renderEditor = (query: FaultlineQuery, onChange = jest.fn(), onRunQuery = jest.fn()) =>
  render(<CatalogQueryEditor {...({ query, onChange, onRunQuery, datasource: {} } as unknown as Props)} />);

describe('CatalogQueryEditor', () => {
  it('commits a filter on blur, trimmed, and runs the query once', () => {
    const onChange = jest.fn();
    const onRunQuery = jest.fn();
    renderEditor({ refId: 'A', queryType: 'services', catalog: { system: 'payments' } }, onChange, onRunQuery);
    fireEvent.blur(screen.getByPlaceholderText('any, or $team'), { target: { value: ' $team ' } });
    expect(onChange).toHaveBeenCalledWith({
      refId: 'A',
      queryType: 'services',
      catalog: { system: 'payments', owner: '$team' },
    });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('clears a filter emptied by the user', () => {
    const onChange = jest.fn();
    renderEditor({ refId: 'A', queryType: 'services', catalog: { tier: '1' } }, onChange);
    const tier = screen.getAllByPlaceholderText('any')[1] as HTMLInputElement;
    expect(tier.value).toBe('1');
    fireEvent.blur(tier, { target: { value: '' } });
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', queryType: 'services', catalog: { tier: undefined } });
  });

  it('tells an ownership query that $service is the default', () => {
    renderEditor({ refId: 'A', queryType: 'ownership' });
    expect(screen.getByPlaceholderText('$service (default)')).toBeTruthy();
  });
});
