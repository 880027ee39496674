import type {CurrentUser} from 'sanity'

export const administrator: CurrentUser = {
  id: 'p-admin',
  name: 'Ada Admin',
  email: 'admin@example.test',
  role: 'administrator',
  roles: [{name: 'administrator', title: 'Administrator'}],
}

export const editor: CurrentUser = {
  id: 'p-editor',
  name: 'Eddie Editor',
  email: 'editor@example.test',
  role: 'editor',
  roles: [{name: 'editor', title: 'Editor'}],
}
