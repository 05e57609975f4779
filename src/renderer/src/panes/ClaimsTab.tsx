import { ClaimsPanel } from '../claims/ClaimsPanel';
import { SuggestionsSection } from '../detect/SuggestionsSection';

export function ClaimsTab() {
  return (
    <>
      <ClaimsPanel />
      <SuggestionsSection />
    </>
  );
}
