/** An answer of several lines on a check page (a list's items), or what to say when there are none. */
export function Lines({ items, none }: { items: string[]; none: string }) {
  if (!items.length) return <>{none}</>;
  return (
    <ul class="govuk-list">
      {items.map((i) => (
        <li>{i}</li>
      ))}
    </ul>
  );
}
