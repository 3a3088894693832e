/** What Grafana's app.ts does before any plugin loads, as far as plugins can tell. */
import { patchArrayVectorProrotypeMethods } from '@grafana/data';
import { registerOptionEditors } from './registries';

patchArrayVectorProrotypeMethods();
registerOptionEditors();
