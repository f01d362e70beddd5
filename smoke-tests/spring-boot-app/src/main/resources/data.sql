insert into owners (id, last_name) values (1, 'Franklin');
insert into owners (id, last_name) values (2, 'Davis');
