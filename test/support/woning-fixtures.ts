import type { Contract, WoningAanbieding } from '../../shared/domain/woning/woning';

/** An accepted contingentwoning in Kanaleneiland, available from 1 March 2027, for the domain tests. */
export const acceptedWoning: WoningAanbieding = {
  id: 'a1',
  corporatieId: 'c',
  adres: { straat: 'Kanaalweg', huisnummer: '12', postcode: '3526 KL', plaats: 'Utrecht' },
  wijk: 'Kanaleneiland',
  huurPerMaandCent: 65000,
  beschikbaarVanaf: '2027-03-01',
  reactieUiterlijk: '2027-02-10',
  status: 'geaccepteerd',
};

/** Its driepartijenovereenkomst: from 1 March 2027, omklap after 24 months. */
export const driepartijenContract: Contract = {
  vorm: 'driepartijenovereenkomst',
  aanbiedingId: 'a1',
  ingangsdatum: '2027-03-01',
  getekendOp: '2027-02-15',
  omklapNaMaanden: 24,
};
