create table owners (id int primary key, last_name varchar(80));
create table pets (id int auto_increment primary key, owner_id int, name varchar(80));
