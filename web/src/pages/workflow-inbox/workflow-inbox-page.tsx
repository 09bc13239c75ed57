export function WorkflowInboxPage() {
  return null;
}
