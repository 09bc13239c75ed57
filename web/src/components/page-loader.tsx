/** Shown while a page's code or first data loads. */
import { Center, Loader } from '@mantine/core';

export function PageLoader() {
  return (
    <Center h={240}>
      <Loader size="sm" />
    </Center>
  );
}
