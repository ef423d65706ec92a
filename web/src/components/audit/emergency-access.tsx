import { createSignal } from 'solid-js';
import { useEmergencyAccess } from '../../api/client';
import { emergencyReasonIsValid } from '../../../../shared/domain/common/free-text';
import { PageTitle } from '../page-title';
import { TextInput } from '../transition/text-input';

/**
 * A record of another team: closed, unless there is an emergency. Opening it asks for a reason, which goes
 * into the audit trail and to the team lead of that team.
 */
export function EmergencyAccess(props: { transitionId: string; onGranted: () => void }) {
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string>();
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    // The same check as the API's: ten characters that show, no control characters.
    if (!emergencyReasonIsValid(reason().trim()))
      return setError('Beschrijf in 10 tot 300 tekens waarom je dit dossier nu moet inzien.');
    useEmergencyAccess(props.transitionId, reason().trim());
    props.onGranted();
  };
  return (
    <>
      <PageTitle>Traject van een ander team</PageTitle>
      <p class="utrecht-paragraph">
        Dit traject hoort bij een ander team. Je kunt het alleen inzien in een noodsituatie, bijvoorbeeld als de eigen
        begeleiders niet bereikbaar zijn en er nu gehandeld moet worden.
      </p>
      <form class="utrecht-form landing-form" onSubmit={submit}>
        <TextInput
          id="noodtoegang-reden"
          label="Reden voor noodtoegang"
          value={reason()}
          onInput={setReason}
          error={error()}
        />
        <p class="utrecht-paragraph landing-muted">
          De reden komt in het auditlog en de teamleider van dat team ziet dat je het dossier hebt ingezien.
        </p>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Noodtoegang gebruiken
        </button>
      </form>
    </>
  );
}
