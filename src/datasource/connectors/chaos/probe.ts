import { ProbeFactory } from '../../health';

export const chaosProbes: ProbeFactory = () => [];
