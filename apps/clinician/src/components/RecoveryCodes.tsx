import { Alert, Button, Checkbox, CopyButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconCopy, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';

interface Props {
  codes: string[];
  onContinue: () => void;
  continuing?: boolean;
}

/** Shown once after MFA enrolment: copy or download the recovery codes, confirm, continue. */
export function RecoveryCodes({ codes, onContinue, continuing }: Props) {
  const [saved, setSaved] = useState(false);
  const text = codes.join('\n');

  const download = () => {
    const blob = new Blob([`Hearth recovery codes\nEach code works once.\n\n${text}\n`], {
      type: 'text/plain',
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'hearth-recovery-codes.txt';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Stack data-testid="recovery-codes">
      <Alert color="yellow" role="status" title="Save these codes now">
        If you lose your phone, each code lets you sign in once. This is the only time they are shown.
      </Alert>
      <Paper withBorder p="md" bg="gray.0">
        <List
          listStyleType="none"
          spacing={4}
          aria-label="Recovery codes"
          ff="monospace"
          data-testid="recovery-code-list"
        >
          {codes.map((c) => (
            <List.Item key={c}>
              <Text ff="monospace" fw={600}>
                {c}
              </Text>
            </List.Item>
          ))}
        </List>
      </Paper>
      <Group>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy} leftSection={<IconCopy size={16} aria-hidden="true" />}>
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button
          variant="default"
          onClick={download}
          leftSection={<IconDownload size={16} aria-hidden="true" />}
        >
          Download as text file
        </Button>
      </Group>
      <Checkbox
        label="I have saved my recovery codes somewhere safe"
        checked={saved}
        onChange={(e) => setSaved(e.currentTarget.checked)}
      />
      <Button onClick={onContinue} disabled={!saved} loading={continuing} fullWidth>
        Continue to Hearth
      </Button>
    </Stack>
  );
}
