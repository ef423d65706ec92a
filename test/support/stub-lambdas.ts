/** Tiny Lambdas for tests of the local gateway itself: an integration that answers 204, an authorizer that admits. */
export const noContent = async () => ({ statusCode: 204 });

export const admitCorporation = async () => ({
  isAuthorized: true,
  context: { corporatieId: 'corporatie-1', providerId: 'aanbieder-1', keyPrefix: 'lk_test' },
});
