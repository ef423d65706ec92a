import { noticeKinds, noticeLabels, type NoticeKind } from '../../../../shared/domain/notices/notices';
import { CheckboxFieldset } from '../checkbox-fieldset';

/** The kinds a corporation can subscribe to (a test notice goes to any endpoint it is sent to). */
export const subscribableKinds = noticeKinds.filter((k): k is Exclude<NoticeKind, 'test'> => k !== 'test');

export function NoticeKindsFieldset(props: {
  idPrefix: string;
  value: readonly NoticeKind[];
  onChange: (value: NoticeKind[]) => void;
  error?: string | undefined;
}) {
  return (
    <CheckboxFieldset
      idPrefix={props.idPrefix}
      legend="Welke meldingen ontvangt dit endpoint"
      options={subscribableKinds}
      labels={noticeLabels}
      value={props.value.filter((k): k is (typeof subscribableKinds)[number] => k !== 'test')}
      onChange={props.onChange}
      error={props.error}
    />
  );
}
