import { InputError } from '../../model';
import { QueryHandler } from './context';

export const scorecardHandler: QueryHandler = async () => {
  throw new InputError('this query type is not available in this build', 'Faultline');
};
