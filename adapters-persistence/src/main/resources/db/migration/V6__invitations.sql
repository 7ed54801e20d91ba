-- Invitations (tables from V4). Deleting a role cascades to the invitations that grant it, which looks
-- invitation_roles up by (organization_id, role_id): its primary key (organization_id, invitation_id, role_id) cannot
-- serve that, so without this index every role deletion scans the organization's invitation roles. user_roles and
-- api_key_roles have the same index (V4).
-- Rollback: DROP INDEX invitation_roles_role_idx;
CREATE INDEX invitation_roles_role_idx ON invitation_roles (organization_id, role_id);
