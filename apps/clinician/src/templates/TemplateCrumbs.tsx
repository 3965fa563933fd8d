import { Anchor, Breadcrumbs } from '@mantine/core';
import { Link } from 'react-router';

/** "Note templates › <name>" above a template's page. */
export function TemplateCrumbs({ name }: { name: string }) {
  return (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to="/admin/note-templates">
        Note templates
      </Anchor>
      <span>{name}</span>
    </Breadcrumbs>
  );
}
