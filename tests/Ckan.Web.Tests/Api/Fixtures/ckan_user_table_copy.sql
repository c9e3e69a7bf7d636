--
-- PostgreSQL database dump
--

\restrict sx2owLeWprxh6BLRlvwOmC3vDhw4OVePhIcFzmdG3MpmviOD4sRuPNuhCgnL5Pu

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Data for Name: user; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public."user" (id, name, apikey, created, about, password, fullname, email, reset_key, sysadmin, activity_streams_email_notifications, state, plugin_extras, image_url, last_active) FROM stdin;
0b8e4c52-6f3e-4b5d-9a51-2d4f3b7c9e01	default	\N	2023-05-02 09:14:27.118203	\N	$pbkdf2-sha512$25000$izFGiLFW6r33XislxBhjrA$oi0LnMAktYgrwXUQ9ttqbcJsR6y6.81Uxjpa..Xx2HjY6bonuifcrlexZE83O5V8M.bb.aMs1ILJAf7Wl5nVYw	\N	admin@example.org	\N	t	f	active	\N	\N	2024-11-20 16:02:11.5
5f1c7a9e-2b34-4d8e-8c6a-7e9d0f1a2b3c	marta-kowalska	\N	2023-06-11 13:40:05.004512	Data steward, water board.	$pbkdf2-sha512$29000$cq6VkrKWklLqfU8pZexdCw$qXqUNEmeGIs5e6bAgZpcgKb6mfXx07ZinPrIYAYl3.YrQtCWF.yFQ3g6bu3oXp6zu.lBGRs5VeT2QAuY3SUqWQ	Marta Kowalska	marta@example.org	\N	f	t	active	{"saml_id": "mk-4411"}	https://example.org/marta.png	\N
9a7b6c5d-4e3f-4a1b-8c2d-3e4f5a6b7c8d	jurgen	\N	2022-01-30 07:00:00	\N	$pbkdf2-sha512$25000$qXVOqVUKQSiF8J6Tcu79/w$RdY9GC20iCo.TizbeiCFWP.KWyvKo9FImVpw9nJBPFycrDdtoOjzZGbPbQvZm.0DYnI51tugnZVwRluNvnL4LA	Jürgen Groß	jurgen@example.org	\N	f	\N	active	\N	\N	\N
c3d2e1f0-1a2b-4c3d-9e8f-0a1b2c3d4e5f	left-the-team	\N	2021-03-03 03:03:03.030303	\N	$pbkdf2-sha512$12000$NYYQIqTUGoMwZgzBGIPQWg$kU4z1p71i57q7tlsIAFpii.RdNvZy1/roZZ3en6efzEzPuZNfMst2IsHYAj1uPYo9TGoNg02uZzYGBodBD7RiA	\N	gone@example.org	\N	f	f	deleted	\N	\N	\N
\.


--
-- PostgreSQL database dump complete
--

\unrestrict sx2owLeWprxh6BLRlvwOmC3vDhw4OVePhIcFzmdG3MpmviOD4sRuPNuhCgnL5Pu

