import { spendCategoryLabels } from '../../../../shared/domain/regelbudget/regelbudget';
import type { Spend } from '../../../../shared/domain/regelbudget/regelbudget-schemas';
import { centsToEuro } from '../transition/command-runner';

/** How a spend reads in every list: amount, category, payee, and the reason in the caseworker's words. */
export function SpendHeading(props: { spend: Spend }) {
  return (
    <>
      <strong>
        {centsToEuro(props.spend.bedragCent)} — {spendCategoryLabels[props.spend.categorie]}, aan{' '}
        {props.spend.ontvanger}
      </strong>
      <span>{props.spend.reden}</span>
    </>
  );
}
