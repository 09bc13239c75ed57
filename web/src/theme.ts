/** One theme for the whole application: calm blue, small radius, compact business density. */
import { createTheme } from '@mantine/core';

/** Descriptions and errors below the input: inputs of a row line up however long their hints are. */
const below = {
  inputWrapperOrder: ['label', 'input', 'description', 'error'] as (
    | 'label'
    | 'input'
    | 'description'
    | 'error'
  )[],
};
const inputs = Object.fromEntries(
  ['TextInput', 'PasswordInput', 'NumberInput', 'MultiSelect', 'TagsInput', 'Textarea'].map((name) => [
    name,
    { defaultProps: below },
  ]),
);

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily:
    'Inter, -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  components: {
    ...inputs,
    Select: { defaultProps: { ...below, allowDeselect: false } },
    // A badge never shrinks to an ellipsis in a narrow table cell.
    Badge: {
      defaultProps: { radius: 'sm', variant: 'light' },
      styles: { root: { minWidth: 'max-content' } },
    },
    Table: { defaultProps: { verticalSpacing: 'xs', horizontalSpacing: 'sm', fz: 'sm' } },
    Drawer: { defaultProps: { position: 'right', size: 'xl' } },
  },
});
