import { ServiceIndex } from './match';

describe('ServiceIndex', () => {
  const index = new ServiceIndex(['payments', 'payments-api', 'Checkout']);

  it.each([
    ['payments', 'payments'],
    ['shop/payments', 'payments'],
    ['shop/payments-7d9f8c6b5-x2x9z', 'payments'],
    ['payments-0', 'payments'],
    ['payments-api', 'payments-api'],
    ['shop/payments-api-7d9f8c6b5-x2x9z', 'payments-api'],
    ['checkout', 'Checkout'],
  ])('finds the service of %s', (workload, service) => {
    expect(index.find(workload)).toBe(service);
  });

  it.each(['payments-gateway', 'inventory', '', 'shop/'])('finds no service for %j', (workload) => {
    expect(index.find(workload)).toBeUndefined();
  });
});
