/**
 * The urgency "thermometer" for signals that match no sign in the signaleringsplan (seed 001, ch. 7:
 * signaleren in een wijknetwerk). Aard (veiligheid, gezondheid, welzijn), omvang and duur are each scored
 * 0–2; the total (0–10) routes the signal.
 */
export type Risk = 0 | 1 | 2;

export interface ThermometerScore {
  veiligheid: Risk;
  gezondheid: Risk;
  welzijn: Risk;
  /** 0 individu, 1 meer personen, 2 a person under 18 or over 75 involved. */
  omvang: Risk;
  /** 0 incidenteel, 1 structureel < ½ jaar, 2 structureel > ½ jaar. */
  duur: Risk;
}

export type SignalPhase = 'groen' | 'oranje' | 'rood';

export interface Triage {
  totaal: number;
  fase: SignalPhase;
  actie: string;
}

/**
 * Routing by total, as the seed's table: below 5 information, advice and support for whoever reported it;
 * above 6 work actively towards professional help; 10 acute help. The seed leaves 5–6 open: Landing treats
 * them as oranje, erring towards a professional look within a working day.
 */
export function triage(score: ThermometerScore): Triage {
  const totaal = score.veiligheid + score.gezondheid + score.welzijn + score.omvang + score.duur;
  if (totaal >= 10)
    return {
      totaal,
      fase: 'rood',
      actie: 'Acute hulp: crisismelding, direct handelen en terugkoppelen aan de melder.',
    };
  if (totaal >= 5)
    return {
      totaal,
      fase: 'oranje',
      actie: 'Actief toewerken naar professionele hulp, aanwezige hulp nagaan, terugkoppelen aan de melder.',
    };
  return { totaal, fase: 'groen', actie: 'Informatie, advies en ondersteuning aan de melder.' };
}
