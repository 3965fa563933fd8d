import type { TNote } from '@hearth/contracts';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { notePdfUrl } from '../../api/notes';
import { KIND_LABELS } from '../form/labels';
import { NoteForm } from '../form/NoteForm';
import { AddendaSection } from './AddendaSection';
import { CosignActions } from './CosignActions';
import { EncounterView } from './EncounterView';
import { LateEntryBadge, NoteStatusBadge } from './NoteStatusBadge';
import { ReturnedComment } from './ReturnedComment';
import { SignatureBlock } from './SignatureBlock';

interface Props {
  note: TNote;
  /** The reader is the supervisor asked to co-sign. */
  canCosign: boolean;
  /** The reader may add addenda (a writer, on a signed or pending note). */
  canAddendum: boolean;
}

/** A note as written: read-only, with its signatures, addenda and the next action for this reader. */
export function NoteView({ note, canCosign, canAddendum }: Props) {
  const locked = note.status === 'signed' || note.status === 'pending_cosign';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1}>{note.templateName}</Title>
            <NoteStatusBadge status={note.status} />
            {note.lateEntry ? <LateEntryBadge /> : null}
          </Group>
          <Text c="dimmed">
            <Anchor component={Link} to={`/patients/${note.patientId}`} underline="always">
              {note.patientName}
            </Anchor>{' '}
            · {KIND_LABELS[note.kind]} · written by {note.authorName}
          </Text>
        </div>
        <Group gap="xs">
          {canCosign && note.status === 'pending_cosign' ? <CosignActions note={note} /> : null}
          {locked ? (
            <Button
              component="a"
              href={notePdfUrl(note.id)}
              target="_blank"
              rel="noopener"
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden="true" />}
              data-testid="note-pdf"
            >
              Download PDF
            </Button>
          ) : null}
        </Group>
      </Group>
      {note.status === 'returned' ? <ReturnedComment note={note} /> : null}
      {note.status === 'draft' || note.status === 'returned' ? (
        <Text c="dimmed">This note is not signed yet. Only its author can edit it.</Text>
      ) : null}
      {locked ? (
        <Card withBorder>
          <SignatureBlock note={note} />
        </Card>
      ) : null}
      <EncounterView encounter={note.encounter} />
      <NoteForm
        definition={note.definition}
        content={note.content}
        enabledSections={note.enabledSections}
        readOnly
        patientId={note.patientId}
      />
      {locked ? <AddendaSection note={note} canAdd={canAddendum} /> : null}
    </Stack>
  );
}
