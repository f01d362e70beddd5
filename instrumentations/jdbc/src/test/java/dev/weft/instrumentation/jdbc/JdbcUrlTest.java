package dev.weft.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlTest {

  /** Each row: the URL, then db.system.name, db.namespace, server.address, server.port (empty: none). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '!',
      nullValues = "-",
      value = {
        "jdbc:postgresql://db.example.com:5433/shop?ssl=true ! postgresql ! shop ! db.example.com ! 5433",
        "jdbc:postgresql://db.example.com/shop ! postgresql ! shop ! db.example.com ! 5432",
        "jdbc:postgresql://h1:5432,h2:5433/shop?targetServerType=primary ! postgresql ! shop ! h1 ! 5432",
        "jdbc:postgresql://[::1]:5440/shop ! postgresql ! shop ! ::1 ! 5440",
        "jdbc:postgresql:shop ! postgresql ! shop ! localhost ! 5432",
        "jdbc:postgresql:///shop ! postgresql ! shop ! localhost ! 5432",
        "jdbc:postgresql://127.0.0.1:5432/ ! postgresql ! - ! 127.0.0.1 ! 5432",
        "JDBC:PostgreSQL://Host:1/Db ! postgresql ! Db ! Host ! 1",
        "jdbc:p6spy:postgresql://db:5432/shop ! postgresql ! shop ! db ! 5432",
        "jdbc:mysql://db:3307/shop?useSSL=false ! mysql ! shop ! db ! 3307",
        "jdbc:mysql://user:secret@db/shop ! mysql ! shop ! db ! 3306",
        "jdbc:mysql:loadbalance://db1:3306,db2:3306/shop ! mysql ! shop ! db1 ! 3306",
        "jdbc:mysql:replication://db1,db2/shop ! mysql ! shop ! db1 ! 3306",
        "jdbc:mysql://address=(host=db)(port=3310)(type=primary)/shop ! mysql ! shop ! db ! 3310",
        "jdbc:mysql://(host=db,port=3311)/shop ! mysql ! shop ! db ! 3311",
        "jdbc:mysql://localhost ! mysql ! - ! localhost ! 3306",
        "jdbc:mariadb://db:3306/shop ! mariadb ! shop ! db ! 3306",
        "jdbc:mariadb:replication://db1,db2/shop ! mariadb ! shop ! db1 ! 3306",
        "jdbc:mariadb:aurora://cluster.example.com/shop ! mariadb ! shop ! cluster.example.com ! 3306",
        "jdbc:sqlserver://db:1434;databaseName=shop;user=sa;password=secret ! microsoft.sql_server ! shop ! db ! 1434",
        "jdbc:sqlserver://db;database=shop ! microsoft.sql_server ! shop ! db ! 1433",
        "jdbc:sqlserver://db\\SQLEXPRESS;databaseName=shop ! microsoft.sql_server ! SQLEXPRESS|shop ! db ! 1433",
        "jdbc:sqlserver://db\\SQLEXPRESS:1500;databaseName=shop ! microsoft.sql_server ! SQLEXPRESS|shop ! db ! 1500",
        "jdbc:sqlserver://;serverName=db;portNumber=1435;databaseName=shop ! microsoft.sql_server ! shop ! db ! 1435",
        "jdbc:jtds:sqlserver://db:1433/shop;instance=main ! microsoft.sql_server ! main|shop ! db ! 1433",
        "jdbc:oracle:thin:@db:1521:ORCL ! oracle.db ! ORCL ! db ! 1521",
        "jdbc:oracle:thin:scott/tiger@db:1522:ORCL ! oracle.db ! ORCL ! db ! 1522",
        "jdbc:oracle:thin:@//db:1523/shop.example.com ! oracle.db ! shop.example.com ! db ! 1523",
        "jdbc:oracle:thin:@db/shop ! oracle.db ! shop ! db ! 1521",
        "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1530))(CONNECT_DATA=(SERVICE_NAME=shop))) ! oracle.db ! shop ! db ! 1530",
        "jdbc:oracle:thin:@shop_tns ! oracle.db ! shop_tns ! - ! -",
        "jdbc:oracle:oci:@db:1521:ORCL ! oracle.db ! ORCL ! db ! 1521",
        "jdbc:h2:mem:shop ! h2database ! shop ! - ! -",
        "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1 ! h2database ! shop ! - ! -",
        "jdbc:h2:mem: ! h2database ! - ! - ! -",
        "jdbc:h2:file:/var/data/shop;MODE=PostgreSQL ! h2database ! /var/data/shop ! - ! -",
        "jdbc:h2:~/shop ! h2database ! ~/shop ! - ! -",
        "jdbc:h2:./data/shop ! h2database ! ./data/shop ! - ! -",
        "jdbc:h2:tcp://db:9093/~/shop ! h2database ! ~/shop ! db ! 9093",
        "jdbc:h2:tcp://db/mem:shop ! h2database ! mem:shop ! db ! 9092",
        "jdbc:h2:ssl://db/shop ! h2database ! shop ! db ! 9092",
        "jdbc:hsqldb:mem:shop ! hsqldb ! shop ! - ! -",
        "jdbc:hsqldb:hsql://db:9002/shop ! hsqldb ! shop ! db ! 9002",
        "jdbc:derby:memory:shop;create=true ! derby ! shop ! - ! -",
        "jdbc:derby://db:1527/shop;create=true ! derby ! shop ! db ! 1527",
        "jdbc:sqlite::memory: ! sqlite ! :memory: ! - ! -",
        "jdbc:db2://db:50001/shop ! ibm.db2 ! shop ! db ! 50001",
        "jdbc:clickhouse://db:8124/shop ! clickhouse ! shop ! db ! 8124",
        "jdbc:redshift://cluster:5439/shop ! aws.redshift ! shop ! cluster ! 5439",
        "jdbc:acme://db:7000/shop ! other_sql ! shop ! db ! 7000",
        "jdbc:acme:shop ! other_sql ! shop ! - ! -",
        "jdbc:nocolon ! other_sql ! - ! - ! -",
        "not-a-jdbc-url ! other_sql ! - ! - ! -",
      })
  void namesTheSystemNamespaceAndServer(
      String url, String system, String namespace, String address, String port) {
    ConnectionFacts facts = JdbcUrl.parse(url.trim());
    assertEquals(system, facts.systemName, url);
    assertEquals(namespace, facts.namespace, url);
    assertEquals(address, facts.serverAddress, url);
    assertEquals(port == null ? -1 : Integer.parseInt(port), facts.serverPort, url);
  }
}
