@echo off
rem Runs the poolcheck CLI on Windows: the jar of an unpacked distribution (lib\poolcheck.jar
rem beside bin\), else the packaged jar of a checkout (cli\target\poolcheck.jar). The same as
rem bin/poolcheck: JVM options that favour start-up time, then POOLCHECK_JAVA_OPTS (which win);
rem JAVA_HOME picks the Java to use. The exit code is poolcheck's: 0 clean, 1 findings, 2 error.
setlocal

set "POOLCHECK_ROOT=%~dp0.."
set "POOLCHECK_JAR=%POOLCHECK_ROOT%\lib\poolcheck.jar"
if not exist "%POOLCHECK_JAR%" set "POOLCHECK_JAR=%POOLCHECK_ROOT%\cli\target\poolcheck.jar"
if not exist "%POOLCHECK_JAR%" (
  echo poolcheck: %POOLCHECK_JAR% is missing; build it with: mvn -q package -DskipTests 1>&2
  exit /b 2
)

if defined JAVA_HOME (
  set "POOLCHECK_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "POOLCHECK_JAVA=java.exe"
)
if defined JAVA_HOME if not exist "%POOLCHECK_JAVA%" (
  echo poolcheck: cannot find %POOLCHECK_JAVA%; install Java 17 or later, or set JAVA_HOME 1>&2
  exit /b 2
)
if not defined JAVA_HOME (
  where java.exe >nul 2>nul || (
    echo poolcheck: cannot find java.exe; install Java 17 or later, or set JAVA_HOME 1>&2
    exit /b 2
  )
)

"%POOLCHECK_JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto %POOLCHECK_JAVA_OPTS% -jar "%POOLCHECK_JAR%" %*
exit /b %ERRORLEVEL%
