"""The pages of the events app: public, participant, organizer (manage) and invitations."""
