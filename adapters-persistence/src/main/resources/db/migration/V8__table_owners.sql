-- Which context owns each table: only that context's persistence adapter names it in SQL; the others reach its
-- data through the owner's ports. A module's migration records its own tables the same way, and a test
-- (TableOwnershipTest) checks every table has an owner and every adapter's statements stay within its own.
COMMENT ON TABLE organizations IS 'owner: organizations';
COMMENT ON TABLE api_keys IS 'owner: apikeys';
COMMENT ON TABLE tasks IS 'owner: tasks';
COMMENT ON TABLE audit_events IS 'owner: audit';
COMMENT ON TABLE audit_log_horizon IS 'owner: audit';
COMMENT ON TABLE users IS 'owner: identity';
COMMENT ON TABLE user_credentials IS 'owner: identity';
COMMENT ON TABLE user_external_logins IS 'owner: identity';
COMMENT ON TABLE user_profiles IS 'owner: identity';
COMMENT ON TABLE user_preferences IS 'owner: identity';
COMMENT ON TABLE refresh_tokens IS 'owner: identity';
COMMENT ON TABLE permissions IS 'owner: access';
COMMENT ON TABLE builtin_role_permissions IS 'owner: access';
COMMENT ON TABLE memberships IS 'owner: access';
COMMENT ON TABLE roles IS 'owner: access';
COMMENT ON TABLE role_permissions IS 'owner: access';
COMMENT ON TABLE user_roles IS 'owner: access';
COMMENT ON TABLE api_key_roles IS 'owner: access';
COMMENT ON TABLE invitations IS 'owner: access';
COMMENT ON TABLE invitation_roles IS 'owner: access';
