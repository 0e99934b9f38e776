"""The organisations blueprint: a manager's teams, people and invitations."""
