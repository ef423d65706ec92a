import { useParams } from '@solidjs/router';
import { BudgetPanel } from '../components/budget/budget-panel';
import { PageTitle } from '../components/page-title';

/** A budget holder's view of one transition: its regelbudget only, no health or other details. */
export default function BudgetPage() {
  const params = useParams<{ transitionId: string }>();
  return (
    <section class="landing-section">
      <PageTitle>Regelbudget van een traject</PageTitle>
      <BudgetPanel transitionId={params.transitionId} />
    </section>
  );
}
