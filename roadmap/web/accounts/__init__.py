"""The accounts blueprint: sign in and out, sign up from an invitation, passwords, claiming."""
