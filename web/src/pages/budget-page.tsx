import { createAsync, useParams } from '@solidjs/router';
import { BudgetPanel } from '../components/budget/budget-panel';
import { PageTitle } from '../components/page-title';
import { getBudget } from '../api/queries';

/** A budget holder's view of one transition: its regelbudget only, no health or other details. */
export default function BudgetPage() {
  const params = useParams<{ transitionId: string }>();
  // The same cached read the panel makes: the person as the budget holder may know them.
  const view = createAsync(() => getBudget(params.transitionId));
  const persoon = () => view()?.value?.persoon;
  return (
    <section class="landing-section">
      <PageTitle>{persoon() ? `Regelbudget van ${persoon()}` : 'Regelbudget van een traject'}</PageTitle>
      <BudgetPanel transitionId={params.transitionId} />
    </section>
  );
}
