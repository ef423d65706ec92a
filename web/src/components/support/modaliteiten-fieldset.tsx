import { modaliteitLabels, modaliteiten, type Modaliteit } from '../../../../shared/domain/support/support';
import { CheckboxFieldset } from '../checkbox-fieldset';

/** The forms of support (at home, at a distance, 24/7, logeerplek), for every form that sets a level. */
export function ModaliteitenFieldset(props: {
  idPrefix: string;
  legend: string;
  value: readonly Modaliteit[];
  onChange: (value: Modaliteit[]) => void;
}) {
  return (
    <CheckboxFieldset
      idPrefix={props.idPrefix}
      legend={props.legend}
      options={modaliteiten}
      labels={modaliteitLabels}
      value={props.value}
      onChange={props.onChange}
    />
  );
}
