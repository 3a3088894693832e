import { ProbeFactory } from '../probe';
import { catalogBackend } from './backends';

/** The configured catalog's own health question (catalog/backend.ts `probe`). */
export const catalogProbes: ProbeFactory = (settings, transport) => {
  const backend = catalogBackend(settings.catalogSource);
  return backend ? [backend.probe(settings, transport)] : [];
};
