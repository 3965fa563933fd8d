import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import type { TCreatedApiToken } from '../api/types';

/** The new token's secret, shown exactly once. */
export function ShowTokenOnceModal({
  created,
  onClose,
}: {
  created: TCreatedApiToken | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={!!created}
      onClose={onClose}
      title="Copy your new API token"
      closeOnClickOutside={false}
      size="lg"
    >
      {created ? (
        <Stack gap="sm" data-testid="new-api-token-modal">
          <Alert color="yellow" role="alert" title="This is the only time the token is shown">
            Copy it now and store it in the integration&apos;s secret store. Hearth keeps only a hash, so it
            cannot show it again. If it is lost, revoke it and create a new one.
          </Alert>
          <Text>
            Token <strong>{created.apiToken.name}</strong> for {created.apiToken.serviceAccountName}:
          </Text>
          <Code
            block
            data-testid="new-api-token"
            style={{ fontSize: 14, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
          >
            {created.token}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  leftSection={<IconCopy size={16} aria-hidden="true" />}
                  color={copied ? 'teal' : undefined}
                >
                  {copied ? 'Copied' : 'Copy token'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              I have copied it
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
