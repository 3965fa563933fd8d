import { Button, Group, Modal, Text } from '@mantine/core';

interface Props {
  opened: boolean;
  secondsLeft: number;
  staying: boolean;
  onStay: () => void;
  onSignOut: () => void;
}

/** Warns before the idle sign-out; "Stay signed in" is focused so Enter keeps the session. */
export function IdleWarningModal({ opened, secondsLeft, staying, onStay, onSignOut }: Props) {
  return (
    <Modal
      opened={opened}
      onClose={onStay}
      title="Are you still there?"
      closeOnClickOutside={false}
      withCloseButton={false}
      zIndex={400}
    >
      <div data-testid="idle-warning">
        <Text mb="xs" role="alert">
          For privacy, Hearth signs you out when you have been inactive.
        </Text>
        <Text fw={600} size="lg" role="timer" data-testid="idle-countdown">
          You will be signed out in {secondsLeft} s
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onSignOut}>
            Sign out now
          </Button>
          <Button onClick={onStay} loading={staying} data-autofocus>
            Stay signed in
          </Button>
        </Group>
      </div>
    </Modal>
  );
}
